"""Plotly figure builders: arrays (and already-translated labels) in, go.Figure out. No Streamlit."""
