package harness

import (
	"runtime"
	"runtime/metrics"
	"time"
)

const heapMetric = "/memory/classes/heap/objects:bytes"

// PeakHeap runs f after a GC and returns the most heap (bytes in live and
// not-yet-swept objects) sampled every 200µs while it ran, less what was
// in use before: the memory f needs at its peak, garbage included, as the
// default GOGC lets it grow.
func PeakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var max uint64
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			if v := read(); v > max {
				max = v
			}
			select {
			case <-done:
				if v := read(); v > max {
					max = v
				}
				peak <- max
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	max := <-peak
	if max < base {
		return 0
	}
	return max - base
}
