# The routes of the real-server suite (test/servers/support/contract.ts ROUTES).
Rails.application.routes.draw do
  get "/api/simple", to: "api#simple"
  post "/api/items", to: "api#create"
  get "/api/me", to: "api#me"
  patch "/api/items/:id", to: "api#update"
  get "/api/fail", to: "api#fail"
  get "/api/crash", to: "api#crash"
end
