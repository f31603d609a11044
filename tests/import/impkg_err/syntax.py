print("never")
def (
