"""The playground's core: math, data, training and charts. Never imports Streamlit."""
