"""Demo and scale data for the labour market database: realistic Liaoning employers, postings
and job seekers built from the real reference tables (see `generate_demo` in writer.py)."""
