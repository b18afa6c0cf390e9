"""Every write of the events app: fairs.py (staff's fairs), booths.py (employers' booths and
interview slots), signups.py (workers' sign-ups, attendance, bookings, reminders)."""
