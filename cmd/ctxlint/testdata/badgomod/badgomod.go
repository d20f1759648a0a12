package badgomod
