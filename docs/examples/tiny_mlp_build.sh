# Frontend program -> .mlir -> webnnc -> object + header -> app.
tiny_mlp -o tiny_mlp.mlir
webnnc tiny_mlp.mlir -o tiny_mlp.o --header tiny_mlp.h
cc -I"$WEBNNC_INCLUDE" tiny_mlp_app.c tiny_mlp.o "$WEBNNC_RUNTIME_LIB" -lpthread -lm -o tiny_mlp_app
./tiny_mlp_app
# The feature vector before the classifier instead: any labelled operand.
webnnc tiny_mlp.mlir -o features.o --header features.h --outputs hidden --name features
