import re
import json
import string
from collections import Counter
from textwrap import shorten

def main(text: str):
    words = re.findall(r"[a-z']+", text.lower())
    print(len(words), words[:3] if False else "")
    n = 0
    for w in re.finditer(r"\b\w{5,}\b", text):
        n += 1
    print("long words", n)
    cleaned = re.sub(r"\s+", " ", text).strip()
    print(cleaned[:20])
    data = json.loads('{"a": 1, "b": [1, 2]}')
    print(data["a"], len(data["b"]))
    print(json.dumps({"k": 1.5}))
    print(shorten("hello world again and again", width=15))
    print(string.ascii_lowercase[:5])
    pat = re.compile(r"(\d+)-(\d+)")
    m = pat.search("range 10-20 here")
    if m:
        print(int(m.group(1)) + int(m.group(2)))
    return n
# ARGS: "The quick  brown fox   jumps over the lazy dog; cheerful zebras wander"
