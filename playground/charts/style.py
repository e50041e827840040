"""Colours shared by every chart, so a class means the same colour on every page; the app's Plotly template."""

import plotly.io as pio

# Class colours (TensorFlow Playground's orange/blue for two classes, then more for multi-class).
CLASS_COLORS = ["#f59322", "#0877bd", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
# Diverging scale for outputs and weights: orange (negative/class 0) -> white -> blue (positive/class 1).
DIVERGING = [[0.0, "#f59322"], [0.5, "#e8eaeb"], [1.0, "#0877bd"]]
POSITIVE = "#0877bd"
NEGATIVE = "#f59322"
NEUTRAL = "#888888"
TEMPLATE = "plotly_white"
FONT = dict(size=14)  # readable on a classroom projector

# Every chart uses this template. Plotly attaches its default template to a new figure without
# validating it; passed as layout.template it is validated and deep-copied instead, 9-15 ms a
# figure (half the time of a page like the Perceptron's, which draws five). So the charts leave
# the template out and it is made the default here, where every chart module imports from.
# (Importing Streamlit sets its own default; the app imports Streamlit before any chart module.)
pio.templates.default = TEMPLATE
