"""Flask extensions, created unbound and bound in create_app."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from .db import Base

db = SQLAlchemy(model_class=Base, engine_options={"pool_pre_ping": True})
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
