from typing import List, Tuple, Dict, Optional

def parse_edges(text: str) -> List[Tuple[int, int]]:
    edges = []
    for line in text.strip().splitlines():
        a, b = line.split()
        edges.append((int(a), int(b)))
    return edges

def degrees(edges: List[Tuple[int, int]]) -> Dict[int, int]:
    deg: Dict[int, int] = {}
    for a, b in edges:
        deg[a] = deg.get(a, 0) + 1
        deg[b] = deg.get(b, 0) + 1
    return deg

def find(xs: List[int], target: int) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None

def main(n: int):
    e = parse_edges("1 2\n2 3\n3 1\n3 4\n")
    d = degrees(e)
    print(e, sorted(d.items()))
    print(find([5, 6, 7], 6), find([5, 6, 7], 9))
    return len(e)
# ARGS: 1
