console.log('bench: being written');
