"""Visible text per part of the app; merged and checked by ``nplv_app.content.i18n``."""
