"""URLs of the test project: replaces the urls.py `django-admin startproject` generates."""
from django.urls import path

from . import views

urlpatterns = [
    path("api/simple", views.simple),
    path("api/items", views.items),
    path("api/me", views.me),
    path("api/items/<int:item_id>", views.item),
    path("api/fail", views.fail),
    path("api/crash", views.crash),
]
