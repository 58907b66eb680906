// Command demo is the generator of Spanfire's bundled demo data: a small
// simulated shop service that handles requests with nested spans doing real
// CPU work, recorded at the same time as
//   - a CPU profile (runtime/pprof, gzip protobuf) whose samples carry the
//     goroutine labels span_id / span_name of the innermost running span, and
//   - its spans as OTLP/JSON (TracesData).
//
// Standard library only (Debian 12 golang-go 1.19). Deterministic ids (seeded).
//
//	GODEBUG=asyncpreemptoff=1 go run . -out ../../resources/demo
//
// (asyncpreemptoff keeps runtime.asyncPreempt from showing up as the leaf of
// the tight loops' samples, which would hide the real leaf functions.)
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"
)

const (
	kindInternal = 1
	kindServer   = 2
	kindClient   = 3
)

type product struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
	Score float64  `json:"score"`
}

var catalog []product

// work scales every CPU loop (set by -work).
var work = 1

func init() {
	r := rand.New(rand.NewSource(7))
	words := []string{"red", "blue", "lamp", "chair", "desk", "oak", "steel", "soft", "large", "mini"}
	for i := 0; i < 2000; i++ {
		catalog = append(catalog, product{ID: i, Name: words[r.Intn(10)] + " " + words[r.Intn(10)],
			Price: float64(r.Intn(10000)) / 100, Tags: []string{words[r.Intn(10)], words[r.Intn(10)]}})
	}
}

//go:noinline
func verifyToken(token string, rounds int) bool {
	mac := hmac.New(sha256.New, []byte("demo-secret"))
	sum := []byte(token)
	for i := 0; i < rounds; i++ {
		mac.Reset()
		mac.Write(sum)
		sum = mac.Sum(sum[:0])
	}
	return sum[0] != 0xff
}

//go:noinline
func decodeRows(n int) int {
	raw, _ := json.Marshal(catalog[:n])
	var rows []product
	_ = json.Unmarshal(raw, &rows)
	return len(rows)
}

// dbQuery spends most of its time waiting (off-CPU), then decodes rows.
func dbQuery(ctx context.Context, t *tracer, service, stmt string, rows int, wait time.Duration) {
	t.Span(ctx, service, "db-query", kindClient, func(ctx context.Context, s *span) {
		s.SetAttr("db.system", "postgresql")
		s.SetAttr("db.statement", stmt)
		time.Sleep(wait)
		s.SetAttr("db.rows", decodeRows(rows))
	})
}

//go:noinline
func luhnCheck(card string, rounds int) bool {
	ok := false
	for r := 0; r < rounds; r++ {
		sum, alt := 0, false
		for i := len(card) - 1; i >= 0; i-- {
			d := int(card[i] - '0')
			if alt {
				d *= 2
				if d > 9 {
					d -= 9
				}
			}
			sum += d
			alt = !alt
		}
		ok = sum%10 == 0
	}
	return ok
}

//go:noinline
func fraudFeatures(seed int64, n int) []float64 {
	r := rand.New(rand.NewSource(seed))
	f := make([]float64, n)
	for i := range f {
		f[i] = math.Sin(r.Float64()*math.Pi) * math.Log1p(float64(i))
	}
	return f
}

//go:noinline
func fraudModel(features []float64, layers int) float64 {
	acc := 0.0
	for l := 0; l < layers; l++ {
		for i, x := range features {
			acc += math.Tanh(x*float64(l+1) + acc*1e-6 + float64(i%7))
		}
	}
	return 1 / (1 + math.Exp(-acc*1e-6))
}

//go:noinline
func renderReceipt(items int) int {
	var b strings.Builder
	for i := 0; i < items*400*work; i++ {
		p := catalog[i%len(catalog)]
		fmt.Fprintf(&b, "%-24s %8.2f EUR  #%06d\n", p.Name, p.Price, p.ID)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	_, _ = w.Write([]byte(b.String()))
	_ = w.Close()
	return z.Len()
}

//go:noinline
func rankProducts(query string, n int) []product {
	res := make([]product, n)
	copy(res, catalog[:n])
	for i := range res {
		res[i].Score = float64(strings.Count(res[i].Name, query[:1])) + res[i].Price/100
	}
	for k := 0; k < 6*work; k++ {
		sort.Slice(res, func(a, b int) bool {
			return res[a].Score*float64(k+1)+float64(res[a].ID%13) < res[b].Score*float64(k+1)+float64(res[b].ID%13)
		})
	}
	return res
}

//go:noinline
func encodeResponse(items []product) int {
	n := 0
	for i := 0; i < 8*work; i++ {
		raw, _ := json.Marshal(items)
		n += len(raw)
	}
	return n
}

func checkout(ctx context.Context, t *tracer, req int, heavy bool) {
	t.Span(ctx, "frontend", "POST /checkout", kindServer, func(ctx context.Context, s *span) {
		s.SetAttr("http.method", "POST")
		s.SetAttr("http.route", "/checkout")
		s.SetAttr("request.id", req)
		t.Span(ctx, "frontend", "auth.verifyToken", kindInternal, func(ctx context.Context, s *span) {
			s.SetAttr("auth.valid", verifyToken(fmt.Sprintf("token-%d", req), 6000*work))
		})
		t.Span(ctx, "frontend", "cart.load", kindInternal, func(ctx context.Context, s *span) {
			dbQuery(ctx, t, "frontend", "SELECT * FROM cart_items WHERE cart_id = $1", 300, 3*time.Millisecond)
			s.SetAttr("cart.items", 3+req%5)
		})
		failed := false
		t.Span(ctx, "frontend", "payments.charge", kindClient, func(ctx context.Context, s *span) {
			t.Span(ctx, "payments", "POST /v1/charges", kindServer, func(ctx context.Context, s *span) {
				t.Span(ctx, "payments", "validate-card", kindInternal, func(ctx context.Context, s *span) {
					s.SetAttr("card.luhn", luhnCheck("4111111111111111", 40000*work))
					t.Span(ctx, "payments", "fraudScore", kindInternal, func(ctx context.Context, s *span) {
						layers := 6 * work
						if heavy {
							layers = 40 * work
							s.Event("model.fallback", attr{"reason", "cache miss"})
						}
						score := fraudModel(fraudFeatures(int64(req), 20000), layers)
						s.SetAttr("fraud.score", score)
						if req%9 == 4 {
							s.Fail("card declined: fraud score above threshold")
							failed = true
						}
					})
					if failed {
						s.Fail("card validation failed")
					}
				})
				if !failed {
					dbQuery(ctx, t, "payments", "INSERT INTO ledger (charge_id, amount) VALUES ($1, $2)", 50, 2*time.Millisecond)
				} else {
					s.Fail("402 Payment Required")
				}
			})
			if failed {
				s.Fail("payment rejected")
			}
		})
		if failed {
			s.SetAttr("http.status_code", 402)
			s.Fail("checkout failed")
			return
		}
		t.Span(ctx, "frontend", "render-receipt", kindInternal, func(ctx context.Context, s *span) {
			s.SetAttr("receipt.bytes", renderReceipt(3+req%5))
		})
		s.SetAttr("http.status_code", 200)
	})
}

func listProducts(ctx context.Context, t *tracer, req int) {
	t.Span(ctx, "frontend", "GET /products", kindServer, func(ctx context.Context, s *span) {
		s.SetAttr("http.method", "GET")
		s.SetAttr("http.route", "/products")
		dbQuery(ctx, t, "frontend", "SELECT id, name, price FROM products LIMIT 500", 500, 4*time.Millisecond)
		var ranked []product
		t.Span(ctx, "frontend", "search.rank", kindInternal, func(ctx context.Context, s *span) {
			ranked = rankProducts("oak", 1500)
			s.Event("ranked", attr{"results", len(ranked)})
		})
		t.Span(ctx, "frontend", "json-encode", kindInternal, func(ctx context.Context, s *span) {
			s.SetAttr("response.bytes", encodeResponse(ranked[:400]))
		})
		s.SetAttr("http.status_code", 200)
	})
}

func main() {
	out := flag.String("out", ".", "output directory")
	requests := flag.Int("requests", 36, "number of requests to simulate")
	hz := flag.Int("hz", 400, "CPU profile sampling rate")
	flag.IntVar(&work, "work", 12, "CPU work multiplier")
	flag.Parse()

	runtime.SetCPUProfileRate(*hz) // before StartCPUProfile; Go then warns that the rate is already set
	var prof bytes.Buffer
	if err := pprof.StartCPUProfile(&prof); err != nil {
		log.Fatal(err)
	}
	t := newTracer(42)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for req := range jobs {
				if req%3 == 2 {
					listProducts(context.Background(), t, req)
				} else {
					checkout(context.Background(), t, req, req == 13)
				}
			}
		}()
	}
	for i := 0; i < *requests; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	pprof.StopCPUProfile()

	traces, err := t.OTLP()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "shop.cpu.pb.gz"), prof.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "shop.traces.otlp.json"), traces, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("demo: %d spans, profile %d bytes, traces %d bytes\n", len(t.spans), prof.Len(), len(traces))
}
