"""annotator: multilingual, parallel news annotation."""

import os

from flask import Flask

from .paths import resource_dir


def create_app(test_config=None, instance_path=None):
    """Build the app: config, extensions, blueprints, CLI hooks. Nothing else happens here."""
    app = Flask(__name__, instance_path=instance_path or os.environ.get("ANNOTATOR_INSTANCE") or None,
                instance_relative_config=True, template_folder=str(resource_dir("templates")),
                static_folder=str(resource_dir("static")))

    from . import access, auth, config, db, i18n, ids, security
    from .api import bp as api_bp
    from .extensions import csrf
    from .extensions import db as sqla
    from .web import register as register_web

    config.load(app, test_config)
    app.json.ensure_ascii = False  # Cyrillic as UTF-8, not \uXXXX: a Ukrainian page's data is half the size
    app.json.sort_keys = False
    ids.init_app(app)
    sqla.init_app(app)
    db.init_app(app, sqla)
    csrf.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    access.init_app(app)
    security.init_app(app)
    app.register_blueprint(api_bp)
    register_web(app)
    return app
