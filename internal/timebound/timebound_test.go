package timebound_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/timebound"
)

func TestBudgetGrowsWithInput(t *testing.T) {
	assert.Greater(t, timebound.Budget(1<<20), timebound.Budget(1<<10))
	assert.GreaterOrEqual(t, timebound.Budget(0), timebound.Floor)
}

func TestRunPassesFastWork(t *testing.T) {
	timebound.Run(t, 1<<10, func() {})
	timebound.Check(t, time.Now(), 1<<10)
}
