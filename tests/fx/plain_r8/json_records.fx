# JSON-like dict records with values of several types, built and read by literal keys


def bmi(weight: float, height: float) -> float:
    return weight / (height * height)


def report(name: str, age: int, weight: float, height: float, active: bool) -> str:
    status = "active" if active else "idle"
    return f"{name:<6} {age:3d} {bmi(weight, height):6.2f} {status}"


def main(n: int):
    rows = []
    for i in range(n):
        record = {"name": "user" + str(i), "age": 20 + 3 * i, "weight": 60.0 + i * 2.5,
                  "height": 1.6 + i / 20, "active": i % 2 == 0}
        record["age"] += 1
        if record["active"]:
            record["weight"] -= 1.0
        rows.append(report(**record))
        print(record["name"], record["age"], record["weight"], record.get("height"), len(record))
    for row in rows:
        print(row)
    summary = {"count": n, "label": "people", "ratio": n / 4}
    print(f"{summary['count']} {summary['label']} ({summary['ratio']:.2f})")
    return summary["count"]
# ARGS: 4
