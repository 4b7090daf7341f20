print("carbontop")
