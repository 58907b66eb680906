module spanfire.example/demo

go 1.19
