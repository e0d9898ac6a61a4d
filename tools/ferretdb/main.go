// Command reprise-ferretdb runs embedded FerretDB (SQLite backend) for Reprise's development,
// tests and benchmarks when neither MONGODB_URI nor mongod is available.
//
// FerretDB 1.24 executes an update as "query, modify in Go, write back" without a transaction,
// so two concurrent updates of one document can lose one of them. MongoDB guarantees
// single-document atomicity, and Reprise relies on it (history appends, diff-request answers,
// token renewal). This program therefore puts a small wire-protocol proxy in front of FerretDB
// that lets one write command per collection at a time through, while reads still run
// concurrently. Writes to different collections never change the same document, so they need
// not wait for each other (a push counts itself in one collection and inserts into another);
// commands that change collections, indexes or databases wait for every other write and run alone.
package main

import (
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "data/ferretdb", "directory holding the SQLite databases")
	level := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	exitOnEOF := flag.Bool("exit-on-stdin-eof", false, "stop when standard input is closed (set by the launcher)")
	flag.Parse()

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		fmt.Fprintf(os.Stderr, "bad -log-level %q: %v\n", *level, err)
		os.Exit(2)
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fmt.Fprintf(os.Stderr, "cannot create data directory %s: %v\n", *dir, err)
		os.Exit(1)
	}

	// Go's default collector (GOGC=100) spent a sixth of the CPU of a read-heavy load here: the
	// decoded documents of every answer are short-lived garbage. A larger growth factor trades
	// memory for that CPU, with a soft memory limit so that a large answer does not let the heap
	// grow unchecked. GOGC and GOMEMLIMIT in the environment still win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(2 << 30)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
	// FerretDB itself listens on a private loopback port; clients reach it through the proxy.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:   logger,
		Handler:  "sqlite",
		// WAL with synchronous=NORMAL: a commit survives this process being killed (the WAL is
		// written before the commit returns); only an OS crash may lose the last transactions.
		// It spares an fsync per write, which writes here do one at a time (see the proxy below).
		SQLiteURL: "file:" + *dir + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot start FerretDB: %v\n", err)
		os.Exit(1)
	}

	// Stop on SIGINT/SIGTERM, and also (with -exit-on-stdin-eof) when the parent closes our
	// stdin, so that a crashed launcher never leaves an orphan database server behind.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *exitOnEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()
	// MongoDBURI blocks until FerretDB's listener is bound.
	backend := strings.TrimSuffix(strings.TrimPrefix(f.MongoDBURI(), "mongodb://"), "/")

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot listen on %s: %v\n", *listen, err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		_ = ln.Close()
	}()
	fmt.Printf("mongodb://%s/\n", ln.Addr())

	writes := &writeLocks{collections: map[string]*sync.Mutex{}}
	for {
		client, err := ln.Accept()
		if err != nil {
			break
		}
		go serve(client, backend, writes, logger)
	}
	<-done
}

// serve relays one client connection to FerretDB, one request/response exchange at a time,
// holding a write lock during exchanges that carry a write command.
func serve(client net.Conn, backendAddr string, writes *writeLocks, logger *slog.Logger) {
	defer client.Close()
	backend, err := net.Dial("tcp", backendAddr)
	if err != nil {
		logger.Error("cannot reach FerretDB", "error", err)
		return
	}
	defer backend.Close()
	for {
		request, err := readMessage(client)
		if err != nil {
			return
		}
		if err := exchange(request, client, backend, writes); err != nil {
			if !errors.Is(err, io.EOF) {
				logger.Debug("connection closed", "error", err)
			}
			return
		}
	}
}

func exchange(request []byte, client, backend net.Conn, writes *writeLocks) error {
	if command, collection, ok := writeOf(request); ok {
		defer writes.lock(command, collection)()
	}
	if _, err := backend.Write(request); err != nil {
		return err
	}
	if moreToCome(request) {
		return nil // unacknowledged request: no reply
	}
	for {
		reply, err := readMessage(backend)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply); err != nil {
			return err
		}
		if !moreToCome(reply) {
			return nil
		}
	}
}

const (
	opMsg           = 2013
	flagMoreToCome  = 1 << 1
	maxMessageBytes = 256 * 1024 * 1024 // FerretDB may exceed MongoDB's 48 MB for large batches
)

// readMessage reads one wire-protocol message (16-byte header, then the body).
func readMessage(conn net.Conn) ([]byte, error) {
	header := make([]byte, 16)
	if _, err := io.ReadFull(conn, header); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(header[0:4]))
	if length < 16 || length > maxMessageBytes {
		return nil, fmt.Errorf("bad message length %d", length)
	}
	message := make([]byte, length)
	copy(message, header)
	if _, err := io.ReadFull(conn, message[16:]); err != nil {
		return nil, err
	}
	return message, nil
}

func moreToCome(message []byte) bool {
	return binary.LittleEndian.Uint32(message[12:16]) == opMsg && len(message) >= 20 &&
		binary.LittleEndian.Uint32(message[16:20])&flagMoreToCome != 0
}

// documentWrites change documents of the one collection their command names; every other
// write command changes collections, indexes or databases.
var documentWrites = map[string]bool{"insert": true, "update": true, "delete": true, "findandmodify": true}

var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findandmodify": true,
	"create": true, "createindexes": true, "drop": true, "dropdatabase": true,
	"dropindexes": true, "renamecollection": true, "collmod": true,
}

// writeLocks lets one document write per collection through at a time (FerretDB's update is a
// read, modify, write back of one document, so two at once could lose one), and a command that
// changes collections, indexes or databases only when no other write runs.
type writeLocks struct {
	all         sync.RWMutex
	mu          sync.Mutex
	collections map[string]*sync.Mutex
}

// lock waits for the right to run a write command and returns its release. Collections are
// told apart by name alone: two databases' collections of one name share a lock, which is
// only stricter.
func (l *writeLocks) lock(command, collection string) func() {
	if !documentWrites[command] || collection == "" {
		l.all.Lock()
		return l.all.Unlock
	}
	l.all.RLock()
	l.mu.Lock()
	one, ok := l.collections[collection]
	if !ok {
		one = &sync.Mutex{}
		l.collections[collection] = one
	}
	l.mu.Unlock()
	one.Lock()
	return func() {
		one.Unlock()
		l.all.RUnlock()
	}
}

// writeOf reports whether an OP_MSG carries a write command, which (lower case), and the
// collection it names: the first key of its body document (the one section of kind 0) names
// the command, and that key's value, when a string, the collection.
func writeOf(message []byte) (command, collection string, ok bool) {
	if binary.LittleEndian.Uint32(message[12:16]) != opMsg || len(message) < 21 {
		return "", "", false
	}
	end := len(message)
	if binary.LittleEndian.Uint32(message[16:20])&1 != 0 { // checksumPresent
		end -= 4
	}
	for offset := 20; offset < end; {
		kind := message[offset]
		if offset+5 > end {
			return "", "", false
		}
		size := int(binary.LittleEndian.Uint32(message[offset+1 : offset+5]))
		if kind == 0 {
			// kind(1) + document length(4) + first element's type(1), then its name.
			start := offset + 6
			stop := start
			for stop < end && message[stop] != 0 {
				stop++
			}
			command = strings.ToLower(string(message[start:stop]))
			if stop >= end || !writeCommands[command] {
				return "", "", false
			}
			return command, stringValue(message[offset+5], message[stop+1:end]), true
		}
		if size < 4 {
			return "", "", false
		}
		offset += 1 + size
	}
	return "", "", false
}

// stringValue is the value of a BSON element of type `kind` whose value starts `value`, when
// it is a string (int32 length including the terminating NUL, then the bytes); "" otherwise.
func stringValue(kind byte, value []byte) string {
	if kind != 0x02 || len(value) < 4 {
		return ""
	}
	length := int(binary.LittleEndian.Uint32(value[0:4]))
	if length < 1 || 4+length > len(value) {
		return ""
	}
	return string(value[4 : 4+length-1])
}
