"""Settings of the task consumers that the killed-consumer test starts: the project's own,
SMS through the file-recording gateway stand-in, a lease short enough for a test."""

import os

from chengnuan.settings import *  # noqa: F403

SMS_BACKEND = "tests.notifications.file_sms.FileSmsBackend"
FILE_SMS_RECORD = os.environ["FILE_SMS_RECORD"]
FILE_SMS_DELAY_SECONDS = 0.004  # a gateway's round trip, so that a kill lands mid-run
NOTIFICATIONS_LEASE_SECONDS = 4
NOTIFICATIONS_SEND_BATCH = 50
