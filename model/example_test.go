package model_test

import (
	"fmt"

	"github.com/retortdb/retort/model"
)

func ExampleSnakeCase() {
	fmt.Println(model.SnakeCase("UserID"), model.SnakeCase("HTTPServer"), model.SnakeCase("CreatedAt"))
	// Output: user_id http_server created_at
}
