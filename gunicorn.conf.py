"""Gunicorn reads this file from the working directory (scripts/run.sh and the README's
production commands start it from the project's root).

The access log leaves out query strings and the referrer: a URL's query can carry what a person
typed (a search, a number), and access logs are kept and shipped outside the application's
privacy controls. Path, status, size and duration are enough to run the service."""

access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
