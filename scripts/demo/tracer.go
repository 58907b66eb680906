// A tiny, dependency-free tracer: spans with hex ids, attributes, events and
// status, written as OTLP/JSON (TracesData). Every span also sets the
// goroutine's pprof labels span_id/span_name for its duration, so the CPU
// profile of the same run links each sample to the innermost running span.
package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"math/rand"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

type attr struct {
	Key   string
	Value interface{}
}

type event struct {
	Name  string
	Time  time.Time
	Attrs []attr
}

type span struct {
	traceID  [16]byte
	spanID   [8]byte
	parentID [8]byte
	service  string
	name     string
	kind     int
	start    time.Time
	end      time.Time
	attrs    []attr
	events   []event
	errMsg   string
}

type tracer struct {
	mu    sync.Mutex
	rng   *rand.Rand
	spans []*span
}

type spanKey struct{}

func newTracer(seed int64) *tracer { return &tracer{rng: rand.New(rand.NewSource(seed))} }

func (t *tracer) ids() (tid [16]byte, sid [8]byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rng.Read(tid[:])
	t.rng.Read(sid[:])
	return
}

// Span runs fn inside a new span (child of the span in ctx, if any), with the
// goroutine labels span_id and span_name set for exactly its duration.
func (t *tracer) Span(ctx context.Context, service, name string, kind int, fn func(ctx context.Context, s *span)) {
	tid, sid := t.ids()
	s := &span{spanID: sid, service: service, name: name, kind: kind}
	if parent, ok := ctx.Value(spanKey{}).(*span); ok {
		s.traceID = parent.traceID
		s.parentID = parent.spanID
	} else {
		s.traceID = tid
	}
	ctx = context.WithValue(ctx, spanKey{}, s)
	labels := pprof.Labels("span_id", hex.EncodeToString(s.spanID[:]), "span_name", name)
	s.start = time.Now()
	pprof.Do(ctx, labels, func(ctx context.Context) { fn(ctx, s) })
	s.end = time.Now()
	t.mu.Lock()
	t.spans = append(t.spans, s)
	t.mu.Unlock()
}

func (s *span) SetAttr(key string, v interface{}) { s.attrs = append(s.attrs, attr{key, v}) }
func (s *span) Event(name string, attrs ...attr) {
	s.events = append(s.events, event{Name: name, Time: time.Now(), Attrs: attrs})
}
func (s *span) Fail(msg string) {
	s.errMsg = msg
	s.Event("exception", attr{"exception.type", "PaymentError"}, attr{"exception.message", msg})
}

func anyValue(v interface{}) map[string]interface{} {
	switch x := v.(type) {
	case string:
		return map[string]interface{}{"stringValue": x}
	case int:
		return map[string]interface{}{"intValue": strconv.Itoa(x)}
	case int64:
		return map[string]interface{}{"intValue": strconv.FormatInt(x, 10)}
	case bool:
		return map[string]interface{}{"boolValue": x}
	case float64:
		return map[string]interface{}{"doubleValue": x}
	}
	return map[string]interface{}{}
}

func kvs(attrs []attr) []map[string]interface{} {
	out := make([]map[string]interface{}, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, map[string]interface{}{"key": a.Key, "value": anyValue(a.Value)})
	}
	return out
}

func nanos(t time.Time) string { return strconv.FormatInt(t.UnixNano(), 10) }

// OTLP marshals all finished spans as TracesData, one resourceSpans per service.
func (t *tracer) OTLP() ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	byService := map[string][]map[string]interface{}{}
	var order []string
	for _, s := range t.spans {
		js := map[string]interface{}{
			"traceId":           hex.EncodeToString(s.traceID[:]),
			"spanId":            hex.EncodeToString(s.spanID[:]),
			"name":              s.name,
			"kind":              s.kind,
			"startTimeUnixNano": nanos(s.start),
			"endTimeUnixNano":   nanos(s.end),
			"attributes":        kvs(s.attrs),
			"status":            map[string]interface{}{},
		}
		if s.parentID != ([8]byte{}) {
			js["parentSpanId"] = hex.EncodeToString(s.parentID[:])
		}
		if len(s.events) > 0 {
			var evs []map[string]interface{}
			for _, e := range s.events {
				evs = append(evs, map[string]interface{}{"timeUnixNano": nanos(e.Time), "name": e.Name, "attributes": kvs(e.Attrs)})
			}
			js["events"] = evs
		}
		if s.errMsg != "" {
			js["status"] = map[string]interface{}{"code": 2, "message": s.errMsg}
		}
		if _, ok := byService[s.service]; !ok {
			order = append(order, s.service)
		}
		byService[s.service] = append(byService[s.service], js)
	}
	var rs []map[string]interface{}
	for _, svc := range order {
		rs = append(rs, map[string]interface{}{
			"resource": map[string]interface{}{"attributes": kvs([]attr{
				{"service.name", svc}, {"service.version", "1.4.2"}, {"telemetry.sdk.language", "go"},
				{"host.name", "demo-host"}}),
			},
			"scopeSpans": []map[string]interface{}{{
				"scope": map[string]interface{}{"name": "spanfire.example/demo", "version": "0.1.0"},
				"spans": byService[svc],
			}},
		})
	}
	return json.MarshalIndent(map[string]interface{}{"resourceSpans": rs}, "", " ")
}
