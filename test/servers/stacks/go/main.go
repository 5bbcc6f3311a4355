// The API of the real-server suite (test/servers/support/contract.ts ROUTES), as a plain net/http program
// serves it. No CORS configuration here: the adapter (../go.ts) pastes the snippet CORS Lens generates where
// the snippet's own text says (its import line after the imports, the rest in main where the mux is built)
// and serves the handler the snippet builds in place of mux.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

// CORS-LENS: IMPORTS

func reply(w http.ResponseWriter, status int, body map[string]interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// only lets one method through, as a router's method matching does (405 otherwise).
func only(method string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method {
			w.Header().Set("Allow", method)
			reply(w, http.StatusMethodNotAllowed, map[string]interface{}{"error": "method not allowed"})
			return
		}
		h(w, r)
	}
}

// withRecovery is the recover middleware production Go servers put outermost (chi's middleware.Recoverer,
// gorilla's handlers.RecoveryHandler do the same): a panic becomes a 500 the server writes itself. Without
// it net/http drops the connection and the browser gets no response at all (a network error, not CORS).
func withRecovery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if err := recover(); err != nil {
				log.Printf("panic serving %s: %v", r.URL.Path, err)
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/simple", only(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK, map[string]interface{}{"route": "simple"})
	}))
	mux.HandleFunc("/api/items", only(http.MethodPost, func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusCreated, map[string]interface{}{"route": "items"})
	}))
	mux.HandleFunc("/api/me", only(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		var session interface{}
		if c, err := r.Cookie("session"); err == nil {
			session = c.Value
		}
		reply(w, http.StatusOK, map[string]interface{}{"route": "me", "session": session})
	}))
	mux.HandleFunc("/api/items/1", only(http.MethodPatch, func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK, map[string]interface{}{"route": "item"})
	}))
	mux.HandleFunc("/api/fail", only(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusInternalServerError, map[string]interface{}{"route": "fail", "error": "the handler answered 500"})
	}))
	mux.HandleFunc("/api/crash", only(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		panic("unhandled error in the handler")
	}))

	// CORS-LENS: SNIPPET

	addr := "127.0.0.1:" + os.Getenv("PORT")
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, withRecovery(mux))) // CORS-LENS: SERVE
}
