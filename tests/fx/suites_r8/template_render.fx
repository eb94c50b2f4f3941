# ARGS: "Dear {{name}},\nyour order #{{order}} of {{count}} {{item}}s ships on {{day}}.\n{{missing}} -- {{ name }}", 3
def render(template: str, values: dict[str, str]) -> str:
    out = []
    i = 0
    while True:
        start = template.find("{{", i)
        if start < 0:
            out.append(template[i:])
            break
        end = template.find("}}", start)
        if end < 0:
            raise ValueError("unclosed tag at %d" % start)
        out.append(template[i:start])
        key = template[start + 2:end].strip()
        out.append(values.get(key, "<" + key + "?>"))
        i = end + 2
    return "".join(out)


def main(template: str, n: int) -> int:
    total = 0
    for k in range(n):
        values = {"name": ["Ada", "Grace", "Linus"][k % 3], "order": str(1000 + k * 17),
                  "count": str(k + 2), "item": "widget", "day": ("Mon", "Tue", "Wed")[k % 3]}
        text = render(template, values)
        print(text)
        total += len(text)
    try:
        render("oops {{x", {})
    except ValueError as e:
        print("error:", e)
    return total
