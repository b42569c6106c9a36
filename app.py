"""Entry point: ``python app.py`` for development, ``gunicorn app:server`` for deployment."""

from dashboard.application import create_app
from dashboard.config import Settings

app = create_app()
server = app.server

if __name__ == "__main__":
    settings = Settings.from_env()
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
