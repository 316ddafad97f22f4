from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as portal


def trivial(request):
    """Through the same middleware as every page, and nothing else."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *portal]
