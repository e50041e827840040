"""Datasets: generated 2-D toy data (toy.py) and MNIST (mnist.py)."""
