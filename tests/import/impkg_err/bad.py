print("bad runs")
raise ValueError("bad module")
