import base64
import html
import io

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "proven-answers"  # stable SVG ids: same figure, same bytes


def show(fig, alt):
    """Put a Matplotlib figure on the page as an SVG image with alt text."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    data = base64.b64encode(buffer.getvalue()).decode()
    alt = html.escape(alt, quote=True)
    print(f'<figure><img alt="{alt}" src="data:image/svg+xml;base64,{data}"><figcaption>{alt}</figcaption></figure>')
