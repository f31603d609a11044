# frozen boot.py: runs first at start-up, as on a board
print("boot.py ran")
