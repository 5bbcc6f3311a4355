"""The API of the real-server suite (test/servers/support/contract.ts ROUTES), as a FastAPI app serves it.

No CORS configuration here: the snippet CORS Lens generates is pasted where its own text says.
"""
from typing import Optional

from fastapi import Cookie, FastAPI
from fastapi.responses import JSONResponse

app = FastAPI()


@app.get("/api/simple")
def simple():
    return {"route": "simple"}


@app.post("/api/items", status_code=201)
def items(body: dict):
    return {"route": "items"}


@app.get("/api/me")
def me(session: Optional[str] = Cookie(default=None)):
    return {"route": "me", "session": session}


@app.patch("/api/items/{item_id}")
def item(item_id: int, body: dict):
    return {"route": "item"}


@app.get("/api/fail")
def fail():
    return JSONResponse({"route": "fail", "error": "the handler answered 500"}, status_code=500)


@app.get("/api/crash")
def crash():
    # Unhandled: Starlette's ServerErrorMiddleware answers its own "Internal Server Error".
    raise RuntimeError("unhandled exception in the handler")
