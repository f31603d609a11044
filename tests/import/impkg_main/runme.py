print("runme", __name__)
if __name__ == "__main__":
    print("runme as main")
