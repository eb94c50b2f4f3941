# A Wordle-style scorer and solver helper: per-letter feedback with Counter for repeated
# letters, filtering candidates by feedback, and picking the guess that splits the
# candidates into the most feedback groups.
from collections import Counter

WORDS = ["crane", "slate", "trace", "crate", "react", "caret", "cater", "spine", "stone",
         "tones", "notes", "onset", "sworn", "snort", "shore", "horse", "those", "ethos"]


def feedback(guess, answer):
    result = ["."] * len(guess)
    remaining = Counter()
    for i, (g, a) in enumerate(zip(guess, answer)):
        if g == a:
            result[i] = "G"
        else:
            remaining[a] += 1
    for i, g in enumerate(guess):
        if result[i] == "." and remaining[g] > 0:
            result[i] = "Y"
            remaining[g] -= 1
    return "".join(result)


def consistent(candidates, guess, pattern):
    return [w for w in candidates if feedback(guess, w) == pattern]


def best_guess(candidates):
    best, best_groups = "", -1
    for guess in candidates:
        groups = Counter(feedback(guess, answer) for answer in candidates)
        if len(groups) > best_groups:
            best, best_groups = guess, len(groups)
    return best, best_groups


def play(answer, first):
    candidates = list(WORDS)
    guess = first
    turns = []
    while True:
        pattern = feedback(guess, answer)
        turns.append(f"{guess}:{pattern}")
        if pattern == "GGGGG":
            return turns
        candidates = consistent(candidates, guess, pattern)
        guess, _ = best_guess(candidates)


def main(n: int):
    for g, a in [("crane", "react"), ("speed", "abide"), ("eerie", "crane"), ("stone", "tones")]:
        print(g, a, feedback(g, a))
    print(best_guess(WORDS))
    for answer in WORDS[:n]:
        print(answer, " ".join(play(answer, "slate")))
    letters = Counter("".join(WORDS))
    print(letters.most_common(5))
    return len(play("ethos", "crane"))
# ARGS: 6
