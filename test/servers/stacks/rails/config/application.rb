# An API-only Rails app as `rails new --api --minimal` lays it out, run in production (so an unhandled exception
# gets Rails's own 500), with only the frameworks the API of the real-server suite needs.
require_relative "boot"

require "rails"
require "action_controller/railtie"

# Require the gems listed in Gemfile (rack-cors, once the snippet is in).
Bundler.require(*Rails.groups)

module CorsLensApi
  class Application < Rails::Application
    config.load_defaults 6.1
    config.api_only = true
    config.eager_load = true
    config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")
    config.logger = ActiveSupport::Logger.new($stdout)
    config.log_level = :info
  end
end
