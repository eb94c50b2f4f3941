# ARGS: "; settings\n[server]\nhost = example.org\nport=8080\n\n[client]\nretries = 3\n# comment\ntimeout = 2.5\nname = fast ext\n[server]\nport = 9090\n"
def parse(text: str) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in sections:
                sections[current] = {}
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError("bad line: " + line)
        sections.setdefault(current, {})[key.strip()] = value.strip()
    return sections


def main(text: str) -> int:
    conf = parse(text)
    for name in sorted(conf):
        print("[" + name + "]")
        for key, value in sorted(conf[name].items()):
            print("  %-8s= %r" % (key, value))
    port = int(conf["server"]["port"])
    timeout = float(conf["client"].get("timeout", "1.0"))
    retries = int(conf["client"].get("retries", "0"))
    print(port, timeout * retries, conf.get("missing", {}).get("x", "default"))
    return port + retries
