"""Colours shared by every chart, so a class means the same colour on every page."""

# Class colours (TensorFlow Playground's orange/blue for two classes, then more for multi-class).
CLASS_COLORS = ["#f59322", "#0877bd", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
# Diverging scale for outputs and weights: orange (negative/class 0) -> white -> blue (positive/class 1).
DIVERGING = [[0.0, "#f59322"], [0.5, "#e8eaeb"], [1.0, "#0877bd"]]
POSITIVE = "#0877bd"
NEGATIVE = "#f59322"
NEUTRAL = "#888888"
TEMPLATE = "plotly_white"
FONT = dict(size=14)  # readable on a classroom projector
