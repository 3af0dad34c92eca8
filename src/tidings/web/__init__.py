"""The web interface: server-rendered pages (Jinja2), charts as SVG laid out in Python, no third-party code."""
