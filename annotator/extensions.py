"""Flask extensions, created unbound and bound in create_app."""

import orjson
from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from .db import Base, json_text
from .i18n import CatalogDomain

# JSON columns are written as orjson writes them (compact, UTF-8 as is), like the bulk writes of imports, and
# read with orjson too (every request that names a project reads its label schema).
db = SQLAlchemy(model_class=Base, engine_options={"pool_pre_ping": True, "json_serializer": json_text,
                                                  "json_deserializer": orjson.loads})
login_manager = LoginManager()
csrf = CSRFProtect()


class _Babel(Babel):
    """Flask-Babel reading the catalogs that annotator.i18n compiles at startup."""

    @property
    def domain_instance(self):
        return _DOMAIN


_DOMAIN = CatalogDomain()
babel = _Babel()
