"""Charts: domain results drawn as PNG images (matplotlib's Agg backend, no screen). Like
``bot/blocks/`` and ``bot/plaintext/``, a renderer: it reads results, it never computes money.
matplotlib is imported on first use, so processes that draw nothing never load it."""
