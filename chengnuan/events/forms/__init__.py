"""Forms of the events pages: fairs.py (staff's fair form, cancel, decisions), booths.py
(an employer's booth and slots), signups.py (the door's look-up)."""
