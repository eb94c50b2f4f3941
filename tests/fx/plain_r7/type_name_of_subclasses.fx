class Animal:
    def __init__(self, name: str):
        self.name = name
    def speak(self) -> str:
        return "..."
    def describe(self) -> str:
        return f"{type(self).__name__} {self.name} says {self.speak()}"

class Dog(Animal):
    def speak(self) -> str:
        return "woof"

class Cat(Animal):
    def speak(self) -> str:
        return "meow"

def main(n: int):
    zoo = [Dog("rex"), Cat("tom"), Dog("fido")]
    for a in zoo:
        print(a.describe())
    print(zoo[1].__class__.__name__)
    return len(zoo)
# ARGS: 1
