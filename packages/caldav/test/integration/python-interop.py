"""python3-caldav side of the interop test (run with /usr/bin/python3, Debian's python3-caldav).

usage: python-interop.py read  CAL_URL USER PASS UID          -> prints JSON {uid, summary, start, end}
       python-interop.py write CAL_URL USER PASS UID SUMMARY  -> saves an event, prints JSON {url}
"""
import json
import sys

import caldav
import requests

mode, cal_url, user, password, uid = sys.argv[1:6]
# Pre-emptive Basic auth: caldav 0.11 otherwise waits for a 401, which Cyrus never sends (servers.md §E).
client = caldav.DAVClient(url=cal_url, username=user, password=password, auth=requests.auth.HTTPBasicAuth(user, password))
cal = caldav.Calendar(client=client, url=cal_url)

if mode == "read":
    ev = cal.event_by_uid(uid)
    comp = [c for c in ev.icalendar_instance.walk("VEVENT")][0]
    print(json.dumps({
        "uid": str(comp["UID"]),
        "summary": str(comp["SUMMARY"]),
        "start": comp["DTSTART"].dt.isoformat(),
        "end": comp["DTEND"].dt.isoformat(),
    }))
elif mode == "write":
    summary = sys.argv[6]
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//python-caldav interop//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250415T083000Z\r\nDTEND:20250415T094500Z\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    ev = cal.save_event(ics)
    print(json.dumps({"url": str(ev.url)}))
else:
    sys.exit(f"unknown mode {mode}")
