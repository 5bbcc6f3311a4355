"""The API of the real-server suite (test/servers/support/contract.ts ROUTES), as a Django app serves it.

No CORS configuration here: the snippet CORS Lens generates is appended to settings.py.
"""
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET"])
def simple(request):
    return JsonResponse({"route": "simple"})


# A JSON API authenticated by a session cookie and a custom header is usually exempt from Django's
# form-oriented CSRF check (CsrfViewMiddleware checks POST, PUT, PATCH and DELETE); a real API would
# check the X-CSRF-Token header itself.
@csrf_exempt
@require_http_methods(["POST"])
def items(request):
    return JsonResponse({"route": "items"}, status=201)


@require_http_methods(["GET"])
def me(request):
    return JsonResponse({"route": "me", "session": request.COOKIES.get("session")})


@csrf_exempt
@require_http_methods(["PATCH"])
def item(request, item_id):
    return JsonResponse({"route": "item"})


@require_http_methods(["GET"])
def fail(request):
    return JsonResponse({"route": "fail", "error": "the handler answered 500"}, status=500)


@require_http_methods(["GET"])
def crash(request):
    # Unhandled: with DEBUG = False, Django answers its own "Server Error (500)" page.
    raise RuntimeError("unhandled exception in the view")
