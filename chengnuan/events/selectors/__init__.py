"""Reads of the events app: fairs.py (public and staff lists of fairs), booths.py (a fair's
booths, an employer's own), signups.py (a worker's own, a fair's for staff), figures.py."""
