"""What the web UI's page asks every second (/api/v1/run, /stats, /history?since=N), on one kept-alive
connection, until the server goes away. Prints how many polls were answered, and the share of the
generator's CPU its live server's threads (carga-live-*) took, read from /proc at each poll.
   python3 bench/ui/poller.py PORT"""
import http.client, json, os, sys, time

port = int(sys.argv[1])


def ticks(path):
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def shares(pid):
    live = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                if f.read().startswith("carga-live"):
                    live += ticks(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            pass
    return live, ticks(f"/proc/{pid}/stat")


def generator_pid():
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/cmdline", "rb") as f:
                    if f"--listen\x00127.0.0.1:{port}".encode() in f.read():
                        return p
            except OSError:
                pass
    return None


conn = None
while True:  # wait for the server
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/api/v1/run")
        r = conn.getresponse()
        r.read()
        if r.status == 200:
            break
    except OSError:
        pass
    time.sleep(0.1)
pid = generator_pid()
n, nxt, live, total = 0, 0, 0, 0
try:
    while True:
        for path in ("/api/v1/run", "/api/v1/stats?percentiles=50,95,99", f"/api/v1/history?since={nxt}"):
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200:
                raise ValueError(f"{path}: HTTP {resp.status}")
        nxt = json.loads(body)["next"]
        n += 1
        if pid:
            try:
                live, total = shares(pid)
            except OSError:
                pass
        time.sleep(1)
except (OSError, http.client.HTTPException, ValueError):
    pass
print(n, f"{live / total:.4f}" if total else "0")
