"""One route module per resource; :func:`station.server.app.create_app` mounts them."""
