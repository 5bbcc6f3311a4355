# The API of the real-server suite (test/servers/support/contract.ts ROUTES), as a Rails controller serves it.
# No CORS configuration here: the snippet CORS Lens generates goes where its own text says.
class ApiController < ActionController::API
  def simple
    render json: { route: "simple" }
  end

  def create
    render json: { route: "items" }, status: :created
  end

  def me
    render json: { route: "me", session: request.cookies["session"] }
  end

  # A JSON API authenticated by a session cookie would check the X-CSRF-Token header here.
  def update
    render json: { route: "item" }
  end

  def fail
    render json: { route: "fail", error: "the handler answered 500" }, status: :internal_server_error
  end

  def crash
    # Unhandled: in production Rails answers its own 500 (ActionDispatch::ShowExceptions).
    raise "unhandled exception in the action"
  end
end
