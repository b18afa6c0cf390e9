"""Pages of the events app by audience: public.py (list, a fair's page, the printed booth
list), worker.py, employer.py, office.py (staff: fairs, booths) and door.py (attendance,
figures)."""
