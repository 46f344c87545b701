"""Source tracing over the corpus store, story families, outlet rankings and batch checking."""
